// expect status: 1
// expect absent: marker.txt
// expect modes: server
const Thread = Java.type('java.lang.Thread');
new Thread(() => {}).start();
