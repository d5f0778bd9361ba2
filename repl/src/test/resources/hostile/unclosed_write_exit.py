# expect status: 3
# expect modes: server
# expect file: u.txt=data
# A file left open is flushed even when the script ends with sys.exit.
import sys

open("u.txt", "w").write("data")
sys.exit(3)
