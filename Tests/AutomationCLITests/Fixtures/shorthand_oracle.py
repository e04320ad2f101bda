"""The installed AWS CLI as the reference for ssm-console's shorthand and parameter parsing.

    python3 shorthand_oracle.py shorthand shorthand-corpus.json FIXTURES_DIR
    python3 shorthand_oracle.py arguments parameter-input-corpus.json FIXTURES_DIR

Prints one JSON array: for each input, {"value": parsed} or {"error": {...}}. "{FIXTURES}" in an input stands
for FIXTURES_DIR. `shorthand` runs awscli.shorthand.ShorthandParser alone; `arguments` runs the whole path a
flag's value takes in `aws ssm` (paramfile loading, ParamShorthandParser with the SSM model, unpack_cli_arg).
"""
import json
import sys

try:
    from awscli import shorthand
    from awscli.clidriver import create_clidriver
    from awscli.argprocess import unpack_argument
    from awscli.paramfile import register_uri_param_handler
except ImportError as error:
    sys.exit(f"awscli is not installed ({error}): run `python3 -m pip install awscli` (scripts/test installs it)")


def substitute(value, fixtures):
    if isinstance(value, list):
        return [substitute(v, fixtures) for v in value]
    return value.replace("{FIXTURES}", fixtures)


def parse_shorthand(text):
    try:
        return {"value": shorthand.ShorthandParser().parse(text)}
    except shorthand.ShorthandParseSyntaxError as error:
        return {"error": {"kind": "syntax", "expected": error.expected, "actual": error.actual, "index": error.index}}
    except shorthand.DuplicateKeyInObjectError as error:
        return {"error": {"kind": "duplicateKey", "key": error.key, "index": error.index}}
    except Exception as error:  # a paramfile that could not be loaded
        return {"error": {"kind": "paramFile", "message": str(error)}}


def parse_arguments(cases):
    driver = create_clidriver()
    register_uri_param_handler(driver.session)
    operations = driver._get_command_table()["ssm"]._get_command_table()
    results = []
    for case in cases:
        argument = operations[case["operation"]].arg_table[case["flag"][2:]]
        parameters = {}
        try:
            values = case["values"] if argument.argument_model.type_name == "list" else case["values"][0]
            # What ServiceOperation._build_call_parameters does: load-cli-arg (file://), then process-cli-arg.
            values = unpack_argument(driver.session, "ssm", case["operation"], argument, values, None)
            argument.add_to_params(parameters, values)
            results.append({"value": parameters.get(argument.argument_model.name, parameters.get(argument._serialized_name))})
        except Exception as error:
            results.append({"error": {"kind": type(error).__name__, "message": str(error)}})
    return results


def main():
    mode, corpus_path, fixtures = sys.argv[1:4]
    with open(corpus_path, encoding="utf-8") as corpus_file:
        corpus = json.load(corpus_file)
    if mode == "shorthand":
        results = [parse_shorthand(substitute(text, fixtures)) for text in corpus]
    else:
        for case in corpus:
            case["values"] = substitute(case["values"], fixtures)
        results = parse_arguments(corpus)
    json.dump(results, sys.stdout, ensure_ascii=False)


main()
