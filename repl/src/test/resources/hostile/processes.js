// expect status: 1
// expect absent: marker.txt
// expect modes: server
require('child_process').execSync('touch marker.txt');
