// Package fasthash hashes with a small C function.
package fasthash

/*
#include <stdint.h>
#include <stddef.h>

static uint32_t fnv1a(const unsigned char *p, size_t n) {
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 16777619u; }
	return h;
}
*/
import "C"

import "unsafe"

// Sum is the FNV-1a hash of b.
func Sum(b []byte) uint32 {
	if len(b) == 0 {
		return 2166136261
	}
	return uint32(C.fnv1a((*C.uchar)(unsafe.Pointer(&b[0])), C.size_t(len(b))))
}
