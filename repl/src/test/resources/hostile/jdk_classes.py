# expect status: 1
# expect absent: marker.txt
# expect modes: server
import java
java.type('java.lang.Runtime').getRuntime().exec(['touch', 'marker.txt'])
