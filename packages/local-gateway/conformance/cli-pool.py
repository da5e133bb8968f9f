"""A warm AWS CLI: imports awscli once, then runs one argv list per input line.

Input (stdin): one JSON array of strings per line (the arguments after `aws`).
Output (stdout): one JSON object per line: {"exit": int, "stdout": str, "stderr": str}.
Used by the conformance suite so that ~1 s of Python start-up is paid once, not per case. Each call gets a fresh
CLI driver (fresh botocore session), so no state leaks between cases except the imported modules.
"""

import io
import json
import os
import sys

os.environ.setdefault("AWS_PAGER", "")
import awscli.clidriver  # noqa: E402


def run(argv):
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        driver = awscli.clidriver.create_clidriver()
        code = driver.main(argv)
    except SystemExit as e:  # argparse errors exit
        code = e.code if isinstance(e.code, int) else 255
    except Exception as e:  # noqa: BLE001 - reported to the caller, never fatal to the pool
        err.write("pool: %s: %s\n" % (type(e).__name__, e))
        code = 255
    finally:
        out.flush()
        err.flush()
        sys.stdout, sys.stderr = saved
    return {
        "exit": code,
        "stdout": out_bytes.getvalue().decode("utf-8", "replace"),
        "stderr": err_bytes.getvalue().decode("utf-8", "replace"),
    }


def main():
    real_out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        result = run(json.loads(line))
        real_out.write(json.dumps(result) + "\n")
        real_out.flush()


if __name__ == "__main__":
    main()
