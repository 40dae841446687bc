;;; restage's language server with eglot (eglot 1.9 as in Debian's elpa-eglot, or
;;; the eglot built into Emacs 29 and newer).
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((dockerfile-mode dockerfile-ts-mode) . ("restage" "lsp"))))

(defun restage-eglot-format-on-save ()
  "Format Dockerfiles through the server before they are saved."
  (when (derived-mode-p 'dockerfile-mode 'dockerfile-ts-mode)
    (add-hook 'before-save-hook #'eglot-format-buffer nil t)))

(add-hook 'eglot-managed-mode-hook #'restage-eglot-format-on-save)
;; Start the server for every Dockerfile buffer:
(add-hook 'dockerfile-mode-hook #'eglot-ensure)
(add-hook 'dockerfile-ts-mode-hook #'eglot-ensure)
