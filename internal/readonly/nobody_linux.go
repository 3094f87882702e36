package readonly

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// AsNobody is a command that runs prog as the user nobody in dir, for
// tests of what permission bits deny, which do not bind root. prog is
// copied into dir as name (so that nobody may run it, and a program
// that looks at its own name sees name), and dir and the folders above
// it up to the system's temporary folder are opened to everyone.
func AsNobody(dir, prog, name string, args ...string) (*exec.Cmd, error) {
	for p := dir; p != filepath.Dir(p) && p != os.TempDir(); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			return nil, err
		}
	}
	exe := filepath.Join(dir, name)
	src, err := os.Open(prog)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	dst, err := os.OpenFile(exe, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return nil, err
	}
	if err := dst.Close(); err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return cmd, nil
}
