# expect status: 1
# expect absent: ~/written.txt
# expect file: inside.txt=kept
# writeLines to a path writes the file through the sandbox: inside the working directory it works, into the
# home directory it is refused (an R error, status 1).
writeLines("kept", "inside.txt", sep = "")
writeLines("escaped", "~/written.txt")
