// expect status: 1
// expect absent: ~/pwned.md
// expect modes: server
Java.type('org.torchglot.engine.api.ApiDocs').main(['../home/pwned.md']);
