// The aws ssm parity subcommands land here.
