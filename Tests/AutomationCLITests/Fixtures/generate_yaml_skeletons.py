"""Writes skeleton-yaml-input/<operation>.yaml: the AWS CLI v2's `--generate-cli-skeleton yaml-input` for the six
Automation operations, made as v2 makes it (botocore's ArgumentGenerator written by ruamel.yaml with end-of-line
comments), except that the comments leave out the member documentation ssm-console does not carry, and an enum
member shows its first value where v2 picks one at random. The installed AWS CLI v1 has no yaml-input to compare
with. Needs `python3 -m pip install ruamel.yaml` to regenerate; the tests only read the files.
"""
import os
import sys

import botocore.session
from botocore.utils import ArgumentGenerator
from ruamel.yaml import YAML

OPERATIONS = [
    "SendAutomationSignal", "StartAutomationExecution", "StopAutomationExecution",
    "GetAutomationExecution", "DescribeAutomationExecutions", "DescribeAutomationStepExecutions",
    "ListCommands", "ListCommandInvocations", "GetCommandInvocation",
]


class YAMLSkeleton(ArgumentGenerator):
    def __init__(self, yaml):
        super().__init__()
        self._yaml = yaml

    def _generate_skeleton(self, shape, stack, name=''):
        if shape.type_name == 'string' and getattr(shape, 'enum', None):
            return shape.enum[0]
        return super()._generate_skeleton(shape, stack, name)

    def _generate_type_structure(self, shape, stack):
        skeleton = self._yaml.map()
        if stack.count(shape.name) > 1:
            return skeleton
        for member_name, member_shape in shape.members.items():
            skeleton[member_name] = self._generate_skeleton(member_shape, stack, name=member_name)
            comment = []
            if member_name in shape.required_members:
                comment.append('[REQUIRED]')
            if getattr(member_shape, 'enum', None):
                comment.append('Valid values are: %s.' % ', '.join(member_shape.enum))
            if comment:
                skeleton.yaml_add_eol_comment('# ' + ' '.join(comment), member_name)
        return skeleton

    def _generate_type_map(self, shape, stack):
        return dict(super()._generate_type_map(shape, stack))


def main():
    model = botocore.session.get_session().get_service_model("ssm")
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "skeleton-yaml-input")
    os.makedirs(folder, exist_ok=True)
    for name in OPERATIONS:
        operation = model.operation_model(name)
        yaml = YAML()
        skeleton = YAMLSkeleton(yaml).generate_skeleton(operation.input_shape)
        cli_name = botocore.xform_name(name, '-')
        with open(os.path.join(folder, cli_name + ".yaml"), "w") as out:
            yaml.dump(skeleton, out)
    print("wrote", folder, file=sys.stderr)


main()
