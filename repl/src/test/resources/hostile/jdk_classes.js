// expect status: 1
// expect absent: marker.txt
// expect modes: server
Java.type('java.lang.ProcessBuilder');
