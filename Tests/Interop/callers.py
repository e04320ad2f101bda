"""The two callers the suite's server accepts, and the managed instances it offers."""
from serve_process import AccessKey

ACCOUNT = "123456789012"
ALICE = AccessKey("AKIAINTEROPALICE0001", "alice-secret/Interop+Key0000000000000001", f"arn:aws:iam::{ACCOUNT}:user/alice")
BOB = AccessKey("AKIAINTEROPBOB000002", "bob-secret/Interop+Key00000000000000000002", f"arn:aws:iam::{ACCOUNT}:user/bob")
# Managed instances the server offers to aws:runCommand and DescribeInstanceInformation.
INSTANCES = ["mi-00000000000000001", "mi-00000000000000002"]
