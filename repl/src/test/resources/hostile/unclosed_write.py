# expect status: 0
# expect file: u.txt=data
# expect file: v.txt=more data
# Files the script never closes still get their data, as CPython's finalization flushes them.
open("u.txt", "w").write("data")
kept = open("v.txt", "w")
kept.write("more ")
kept.write("data")
