# expect status: 0
# expect not-printed: s3cr3t
# expect modes: server
print(Sys.getenv("SECRET_TOKEN"))
