// wc-cli counts the words and letters of its arguments and prints them back, upper-cased with
// --upper. Its output depends only on its arguments.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"
)

func main() {
	upper := flag.Bool("upper", false, "print the words in upper case")
	flag.Parse()
	words := flag.Args()
	if len(words) == 0 {
		fmt.Fprintln(os.Stderr, "usage: wc-cli [--upper] word...")
		os.Exit(2)
	}
	letters := 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	text := strings.Join(words, " ")
	if *upper {
		text = strings.ToUpper(text)
	}
	fmt.Println(text)
	fmt.Printf("%d words, %d letters\n", len(words), letters)
}
