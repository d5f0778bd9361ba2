// expect status: 0
// expect not-printed: s3cr3t
// expect modes: server
console.log(JSON.stringify(process.env));
