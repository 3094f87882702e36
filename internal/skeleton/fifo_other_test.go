//go:build !unix

package skeleton

import "errors"

func mkfifo(string) error { return errors.New("no named pipes here") }
