# expect status: 1
# expect modes: server
# expect absent: ~/written.txt
# expect file: inside.txt=kept
# writeLines to a path writes the file through the sandbox: inside the working directory it works, into the
# home directory it is refused (an R error, status 1).
writeLines("kept", "inside.txt", sep = "")
# NOTE: the harness puts the throwaway home beside the working directory.
writeLines("escaped", "../home/written.txt")
