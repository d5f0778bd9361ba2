# expect status: 1
# expect absent: marker.txt
# expect modes: server
system("touch marker.txt")
