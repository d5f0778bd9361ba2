# expect args: --allow-read=../home
# expect status: 1
# expect absent: ~/written.txt
# expect modes: server
# --allow-read opens reading only: the secret may be read, nothing written there.
print(len(open('../home/secret.txt').read()))
open('../home/written.txt', 'w').write('x')
