// cgo-hello calls into libc through cgo: it needs glibc at run time (distroless base, not static).
package main

/*
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
*/
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	msg := "hello from C"
	cs := C.CString(msg)
	defer C.free(unsafe.Pointer(cs))
	fmt.Printf("strlen(%q) = %d\n", msg, int(C.strlen(cs)))
	fmt.Printf("getpid() > 0: %t\n", C.getpid() > 0)
}
