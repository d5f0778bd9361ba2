# Data frames and factors, the part of base R that tutorials over mtcars and iris use, written in R as in GNU R.

.row_names <- function(x) {
  rn <- attr(x, "row.names")
  if (is.integer(rn) && length(rn) == 2 && is.na(rn[1])) seq_len(-rn[2]) else rn
}

# Row names made by data.frame() (GNU R's compact c(NA, -n)), which as.matrix() leaves out.
.automatic_row_names <- function(x) {
  rn <- attr(x, "row.names")
  is.integer(rn) && length(rn) == 2 && is.na(rn[1])
}

.new_data_frame <- function(columns, row_names) {
  structure(columns, row.names = row_names, class = "data.frame")
}

data.frame <- function(..., stringsAsFactors = FALSE) {
  columns <- list(...)
  if (is.null(names(columns))) names(columns) <- paste0("V", seq_along(columns))
  n <- if (length(columns)) max(lengths(columns)) else 0L
  columns <- lapply(columns, function(col) {
    if (length(col) < n) col <- rep_len(col, n)
    if (stringsAsFactors && is.character(col)) factor(col) else col
  })
  .new_data_frame(columns, c(NA_integer_, -as.integer(n)))
}

is.data.frame <- function(x) inherits(x, "data.frame")
dim.data.frame <- function(x) c(length(.row_names(x)), length(unclass(x)))
nrow <- function(x) dim(x)[1L]
ncol <- function(x) dim(x)[2L]
NROW <- function(x) if (length(dim(x))) nrow(x) else length(x)
NCOL <- function(x) if (length(dim(x)) > 1L) ncol(x) else 1L
rownames <- function(x) {
  if (is.data.frame(x)) return(as.character(.row_names(x)))
  dn <- dimnames(x)
  if (is.null(dn)) NULL else dn[[1L]]
}
colnames <- function(x) {
  if (is.data.frame(x)) return(names(x))
  dn <- dimnames(x)
  if (is.null(dn)) NULL else dn[[2L]]
}

# NOTE: as in GNU R, a selection of one column drops to a vector unless drop = FALSE.
`[.data.frame` <- function(x, i, j, drop = TRUE) {
  columns <- unclass(x)
  attr(columns, "row.names") <- NULL
  rows <- attr(x, "row.names")
  n_args <- nargs() - !missing(drop)
  if (n_args < 3) {
    # x[j]: a list-style selection of columns
    if (missing(i)) return(x)
    return(.new_data_frame(columns[i], rows))
  }
  if (!missing(j)) columns <- columns[j]
  if (!missing(i)) {
    rows <- .row_names(x)
    if (is.character(i)) i <- match(i, rows)
    if (is.logical(i)) i <- which(rep_len(i, length(rows)))
    columns <- lapply(columns, function(col) col[i])
    rows <- rows[i]
  }
  if (drop && length(columns) == 1) return(columns[[1L]])
  .new_data_frame(columns, rows)
}

head.data.frame <- function(x, n = 6L, ...) {
  x[seq_len(min(n, nrow(x))), , drop = FALSE]
}

tail.data.frame <- function(x, n = 6L, ...) {
  total <- nrow(x)
  x[seq(total - min(n, total) + 1L, length.out = min(n, total)), , drop = FALSE]
}

as.matrix.data.frame <- function(x, ...) {
  columns <- unclass(x)
  numeric <- all(vapply(columns, function(col) is.numeric(col) && !is.factor(col), logical(1)))
  values <- if (numeric) unlist(lapply(columns, as.vector)) else unlist(lapply(columns, as.character))
  rows <- .row_names(x)
  m <- matrix(values, nrow = length(rows))
  dimnames(m) <- list(if (.automatic_row_names(x)) NULL else as.character(rows), names(x))
  m
}

na.omit <- function(object, ...) {
  if (is.data.frame(object)) {
    keep <- rep(TRUE, nrow(object))
    for (col in unclass(object)) keep <- keep & !is.na(col)
    return(object[keep, , drop = FALSE])
  }
  object[!is.na(object)]
}

format.data.frame <- function(x, ...) {
  lapply(unclass(x), function(col) {
    if (is.factor(col)) col <- as.character.factor(col)
    if (is.character(col)) ifelse(is.na(col), "<NA>", col) else format(col)
  })
}

print.data.frame <- function(x, ...) {
  columns <- format.data.frame(x)
  rows <- as.character(.row_names(x))
  if (length(columns) == 0) {
    cat(sprintf("data frame with 0 columns and %d rows\n", length(rows)))
    return(invisible(x))
  }
  if (length(rows) == 0) {
    cat("[1]", paste(format(names(x)), collapse = " "), "\n<0 rows> (or 0-length row.names)\n")
    return(invisible(x))
  }
  row_width <- max(nchar(rows))
  cells <- lapply(seq_along(columns), function(k) {
    width <- max(nchar(c(names(x)[k], columns[[k]])))
    formatC(c(names(x)[k], columns[[k]]), width = width)
  })
  widths <- vapply(cells, function(cell) nchar(cell[1]), numeric(1))
  # NOTE: like GNU R, columns that do not fit in 80 characters go on to the next block.
  start <- 1
  while (start <= length(cells)) {
    end <- start
    used <- row_width + 1 + widths[start]
    while (end < length(cells) && used + 1 + widths[end + 1] <= 80) {
      end <- end + 1
      used <- used + 1 + widths[end]
    }
    labels <- c("", rows)
    for (r in seq_along(labels)) labels[r] <- paste0(labels[r], strrep(" ", row_width - nchar(labels[r])))
    for (r in seq_along(labels)) {
      cat(labels[r], " ", paste(vapply(cells[start:end], function(cell) cell[r], ""), collapse = " "), "\n", sep = "")
    }
    start <- end + 1
  }
  invisible(x)
}

summary.data.frame <- function(object, ...) {
  lapply(unclass(object), summary)
}

# ---- factors ---------------------------------------------------------------------------------------------------------

factor <- function(x = character(), levels, labels = levels) {
  if (missing(levels)) levels <- sort(unique(x))
  structure(match(x, levels), levels = as.character(labels), class = "factor")
}

is.factor <- function(x) inherits(x, "factor")
levels <- function(x) attr(x, "levels")
nlevels <- function(x) length(levels(x))
as.factor <- function(x) if (is.factor(x)) x else factor(x)
as.integer.factor <- function(x, ...) as.integer(unclass(x))
as.numeric.factor <- function(x, ...) as.numeric(unclass(x))
as.character.factor <- function(x, ...) levels(x)[unclass(x)]
as.vector.factor <- function(x, ...) as.character.factor(x)
length.factor <- function(x) length(unclass(x))

`[.factor` <- function(x, i) {
  structure(unclass(x)[i], levels = levels(x), class = "factor")
}

`==.factor` <- function(e1, e2) {
  (if (is.factor(e1)) as.character.factor(e1) else e1) == (if (is.factor(e2)) as.character.factor(e2) else e2)
}

`!=.factor` <- function(e1, e2) !`==.factor`(e1, e2)

print.factor <- function(x, ...) {
  if (length(unclass(x)) == 0) cat("factor(0)\n") else print(noquote(as.character.factor(x)))
  cat(paste(c("Levels:", levels(x)), collapse = " "), "\n", sep = "")
  invisible(x)
}

summary.factor <- function(object, ...) {
  counts <- tabulate(unclass(object), length(levels(object)))
  names(counts) <- levels(object)
  counts
}

tabulate <- function(bin, nbins = max(1L, bin, na.rm = TRUE)) {
  counts <- integer(nbins)
  for (b in bin) if (!is.na(b) && b >= 1 && b <= nbins) counts[b] <- counts[b] + 1L
  counts
}

# ---- tables and scaling ----------------------------------------------------------------------------------------------

table <- function(x) {
  if (!is.factor(x)) x <- factor(x)
  counts <- tabulate(unclass(x), length(levels(x)))
  names(counts) <- levels(x)
  structure(counts, class = "table")
}

print.table <- function(x, ...) {
  cat("\n")
  print(setNames(as.vector(unclass(x)), names(x)))
  invisible(x)
}

scale <- function(x, center = TRUE, scale = TRUE) {
  x <- as.matrix(x)
  n <- nrow(x)
  centers <- NULL
  scales <- NULL
  if (isTRUE(center)) {
    centers <- colMeans(x)
    x <- x - rep(centers, each = n)
  }
  if (isTRUE(scale)) {
    scales <- apply(x, 2, function(col) sqrt(sum(col^2) / max(1, length(col) - 1)))
    x <- x / rep(scales, each = n)
  }
  if (!is.null(centers)) attr(x, "scaled:center") <- centers
  if (!is.null(scales)) attr(x, "scaled:scale") <- scales
  x
}
