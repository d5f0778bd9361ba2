# expect status: 1
# expect absent: marker.txt
# expect modes: server
import subprocess
subprocess.run(['touch', 'marker.txt'])
