//go:build restage_testhook

package workspace

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// A binary built with -tags restage_testhook stops for good once it has
// made its Nth temporary file (N from $RESTAGE_TESTHOOK_PAUSE_AT, default
// 1) and says so on stderr, so that a test can signal it exactly then
// (cmd/restage's TestSignalRemovesTemporaryFile). No other build has
// this file.
func init() {
	at, _ := strconv.Atoi(os.Getenv("RESTAGE_TESTHOOK_PAUSE_AT"))
	made := 0
	afterTemp = func(name string) {
		if made++; made < max(at, 1) {
			return
		}
		fmt.Fprintf(os.Stderr, "restage-testhook: made %s\n", name)
		for {
			time.Sleep(time.Hour)
		}
	}
}
