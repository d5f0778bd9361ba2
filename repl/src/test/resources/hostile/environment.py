# expect status: 0
# expect not-printed: s3cr3t
# expect modes: direct
import os
print(dict(os.environ))
print(os.environ.get('SECRET_TOKEN'))
