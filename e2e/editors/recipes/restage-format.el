;;; restage on save through stdin, no language server (Emacs 26.1 or newer).
;; The buffer goes to `restage -' with its file name (the name's folder is the build
;; context and where .restage.yaml is looked for), in the file's own coding system, so
;; restage sees the bytes on disk (CRLF included). The buffer is replaced only when
;; restage exits 0, with `replace-buffer-contents', which keeps point and marks; a file
;; that does not parse is saved as it is and the error goes to the echo area.
(defun restage-format-buffer ()
  "Pipe the buffer through `restage -' and replace it with the result."
  (interactive)
  (let ((out (generate-new-buffer " *restage*"))
        (errfile (make-temp-file "restage"))
        (coding-system-for-write buffer-file-coding-system)
        (coding-system-for-read buffer-file-coding-system))
    (unwind-protect
        (let ((status (call-process-region
                       (point-min) (point-max) "restage" nil (list out errfile) nil
                       "--quiet" "--stdin-filename"
                       (or buffer-file-name (expand-file-name "Dockerfile")) "-")))
          (if (eq status 0)
              (replace-buffer-contents out)
            (message "restage: %s"
                     (with-temp-buffer
                       (insert-file-contents errfile)
                       (string-trim (buffer-string))))))
      (kill-buffer out)
      (delete-file errfile))))

(defun restage-format-on-save ()
  "Run `restage-format-buffer' before this buffer is saved."
  (add-hook 'before-save-hook #'restage-format-buffer nil t))

;; dockerfile-mode (MELPA) or, in Emacs 29, dockerfile-ts-mode:
(add-hook 'dockerfile-mode-hook #'restage-format-on-save)
(add-hook 'dockerfile-ts-mode-hook #'restage-format-on-save)
