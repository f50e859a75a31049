import Verification
print(try defaultScripts())
