# expect status: 7
# expect modes: server
# expect file: last.txt=ran
# expect absent: after.txt
# quit() ends an R script with its status (an exit, not an error), after .Last() when runLast = TRUE.
.Last <- function() writeLines("ran", "last.txt", sep = "")
quit(save = "no", status = 7, runLast = TRUE)
writeLines("no", "after.txt")
