// expect status: 1
// expect not-printed: s3cr3t
// expect modes: server
const fs = require('fs');
console.log(fs.readFileSync('../home/secret.txt', 'utf8'));
