# expect status: 1
# expect modes: server
# expect absent: ~/pwned.md
# ApiDocs.main writes any file the user can write; guests cannot reach it.
import java
java.type('org.torchglot.engine.api.ApiDocs').main(['../home/pwned.md'])
