# expect status: 1
# expect absent: marker.txt
# expect modes: server
import threading
def touch():
    open('marker.txt', 'w').write('x')
t = threading.Thread(target=touch)
t.start()
t.join()
