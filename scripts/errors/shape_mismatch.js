const torch = require("torch");
// A shape mismatch: the error names the user's line, not the torch module's.
const X = torch.ones(4, 2);
console.log("before");
const y = X.matmul(torch.ones(3, 1));
