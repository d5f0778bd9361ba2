# expect status: 1
# expect not-printed: s3cr3t
# expect modes: server
print(open('../home/secret.txt').read())
