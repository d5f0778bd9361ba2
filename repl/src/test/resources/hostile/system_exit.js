// expect status: 1
// expect modes: server
Java.type('java.lang.System').exit(7);
