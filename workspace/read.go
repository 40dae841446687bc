package workspace

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/docker/go-units"
)

// TooLargeError is the failure of an input over the size limit. Its text
// names no setting: the caller knows what the limit is called.
type TooLargeError struct{ Max int64 }

func (e TooLargeError) Error() string {
	return "larger than " + FormatSize(e.Max)
}

// ReadFile reads a file of at most max bytes; a larger one is refused
// without reading it.
func ReadFile(name string, max int64) ([]byte, error) {
	if data, ok, err := readFileRaw(name, max); ok {
		return data, err
	}
	// Looked at before opening: opening a named pipe waits for a writer.
	if fi, err := os.Stat(name); err != nil {
		return nil, err
	} else if err := notRegular(fi); err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := notRegular(fi); err != nil {
		return nil, err // replaced since the first look
	}
	if fi.Size() > max {
		return nil, TooLargeError{max}
	}
	return ReadLimited(f, max)
}

// notRegular refuses what is not a regular file: a folder, and the files
// that are streams or devices (a named pipe would wait for a writer for
// ever, a device never end). Their content can still come on stdin.
func notRegular(fi os.FileInfo) error {
	m := fi.Mode()
	what := ""
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a folder")
	case m&os.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeCharDevice != 0:
		what = "a character device"
	case m&os.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return fmt.Errorf("%s, not a regular file: give its content on stdin instead (restage - < FILE)", what)
}

// ReadLimited reads r to the end, failing once it passes max bytes.
func ReadLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, TooLargeError{max}
	}
	return data, nil
}

// ParseSize reads a size: bytes, or a number with a unit. K, KiB, M,
// MiB, G and GiB are powers of 1024; KB, MB and GB powers of 1000.
// go-units does the arithmetic; the units it also knows (T, P) and the
// exponent forms ParseFloat takes are refused here, as they always were.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	}
	parse, ok := map[string]func(string) (int64, error){
		"": units.RAMInBytes, "b": units.RAMInBytes,
		"k": units.RAMInBytes, "kib": units.RAMInBytes, "kb": units.FromHumanSize,
		"m": units.RAMInBytes, "mib": units.RAMInBytes, "mb": units.FromHumanSize,
		"g": units.RAMInBytes, "gib": units.RAMInBytes, "gb": units.FromHumanSize,
	}[unit]
	var n int64
	var err error
	if ok && num != "" && strings.Count(num, ".") <= 1 {
		n, err = parse(num + unit)
	}
	if !ok || err != nil || num == "" || strings.Count(num, ".") > 1 {
		return 0, fmt.Errorf("%q is not a size (try 1048576, 512KiB or 2MiB)", s)
	}
	if n < 1 || n > 1<<40 {
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return n, nil
}

// FormatSize prints a byte count the short way: 1 MiB, 512 KiB, 100 bytes.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
