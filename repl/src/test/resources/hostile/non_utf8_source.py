# expect status: 1
# expect modes: server
# expect absent: ran.txt
# This file is not UTF-8 and declares no encoding: CPython refuses it with a SyntaxError before running a line.
open("ran.txt", "w").close()
name = "caf"
name = "café"
