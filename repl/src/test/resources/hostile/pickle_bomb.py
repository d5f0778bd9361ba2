# expect status: 1
# expect modes: server
# expect within: 30s
# expect absent: loaded.txt
# A 1 KB torch.save file whose pickle nests forty levels of ten shared references (memo BINGET): 10^40
# objects if the sharing were expanded. torch.load must refuse it at once (RuntimeError), not hang.
import io
import torch
import zipfile

pickle = bytearray(b"\x80\x02]q\x00")
for level in range(1, 41):
    pickle += b"]q" + bytes([level]) + b"(" + bytes([ord("h"), level - 1]) * 10 + b"e"
with zipfile.ZipFile("bomb.pt", "w") as archive:
    archive.writestr("bomb/data.pkl", bytes(pickle + b"."))
    archive.writestr("bomb/version", "3\n")

value = torch.load("bomb.pt")
with open("loaded.txt", "w") as marker:
    marker.write(str(len(value)))
