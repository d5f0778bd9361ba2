# expect status: 1
# expect modes: server
# System.exit from Java would end the warm server for everyone; the lookup is refused.
import java
java.type('java.lang.System').exit(7)
