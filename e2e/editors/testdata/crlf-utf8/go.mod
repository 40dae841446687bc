module example.com/grüße

go 1.26
