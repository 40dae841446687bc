import cffi
print(cffi.FFI().sizeof("int"))
