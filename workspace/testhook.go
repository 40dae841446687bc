//go:build restage_testhook

package workspace

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

// A binary built with -tags restage_testhook stops for good once it has
// made its Nth temporary file (N from $RESTAGE_TESTHOOK_PAUSE_AT, default
// 1) and says so on stderr, so that a test can signal it exactly then
// (cmd/restage's TestSignalRemovesTemporaryFile). Files are written by
// parallel workers: every temporary file made after the Nth stops its
// worker too (without a word), so that nothing is written after the
// stop. No other build has this file.
func init() {
	at, _ := strconv.Atoi(os.Getenv("RESTAGE_TESTHOOK_PAUSE_AT"))
	var mu sync.Mutex
	made := 0
	afterTemp = func(name string) {
		mu.Lock()
		made++
		n := made
		mu.Unlock()
		if n < max(at, 1) {
			return
		}
		if n == max(at, 1) {
			fmt.Fprintf(os.Stderr, "restage-testhook: made %s\n", name)
		}
		for {
			time.Sleep(time.Hour)
		}
	}
}
