# expect status: 1
# expect absent: marker.txt
# expect modes: server
import torch
t = torch.ones(2)._t
runtime = t.getClass().forName('java.lang.Runtime')
runtime.getMethod('getRuntime').invoke(None).exec(['touch', 'marker.txt'])
