-- restage's language server in Neovim 0.7 (vim.lsp.start came in 0.8): a hint on the
-- FROM line of a Dockerfile restage would split, the split as a code action, and
-- format on save through the server.
local restage_files = { 'Dockerfile', 'Dockerfile.*', '*.Dockerfile', '*.dockerfile', 'dockerfile', 'Containerfile' }
local restage_client

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = restage_files,
  callback = function(args)
    if not (restage_client and vim.lsp.get_client_by_id(restage_client)) then
      restage_client = vim.lsp.start_client({
        name = 'restage',
        cmd = { 'restage', 'lsp' },
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
        init_options = { showDeclines = false },
      })
    end
    vim.lsp.buf_attach_client(args.buf, restage_client)
  end,
})

vim.api.nvim_create_autocmd('BufWritePre', {
  pattern = restage_files,
  callback = function() vim.lsp.buf.formatting_sync(nil, 5000) end,
})
