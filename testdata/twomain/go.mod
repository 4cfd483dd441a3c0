module example.com/twomain

go 1.26.0
