// expect status: 1
// expect absent: marker.txt
// expect modes: server
const torch = require('torch');
const t = torch.ones(2)._t;
const loader = t.getClass().getClassLoader();
loader.loadClass('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec(['touch', 'marker.txt']);
