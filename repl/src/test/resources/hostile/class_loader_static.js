// expect status: 1
// expect absent: marker.txt
// expect modes: server
// A looked-up class's static side exposes no Class object, so no class loader either.
const Tensor = Java.type('org.torchglot.engine.tensor.Tensor');
Tensor.class.getClassLoader().loadClass('java.lang.Runtime');
