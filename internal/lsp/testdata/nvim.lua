-- Drives Neovim's built-in LSP client (0.7 and later) against maplint lsp:
-- diagnostics, a quick fix through textDocument/codeAction, a write.
-- Run by TestNeovim: nvim --headless -u NONE -c "luafile nvim.lua",
-- with MAPLINT (the binary), LSP_FILE (a Go file) and LSP_OUT (where the
-- report goes) in the environment.
local maplint, file, out = vim.env.MAPLINT, vim.env.LSP_FILE, vim.env.LSP_OUT
local report = {}
local function say(line) table.insert(report, line) end
local function finish()
  local f = assert(io.open(out, "w"))
  f:write(table.concat(report, "\n") .. "\n")
  f:close()
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "maplint",
  cmd = { maplint, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
  init_options = { tests = true },
})
if not client_id or not vim.lsp.buf_attach_client(bufnr, client_id) then
  say("FAIL: could not start maplint lsp")
  return finish()
end

-- 1. Diagnostics on open (the wait is a hang guard, not a timing check).
if not vim.wait(120000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
  say("FAIL: no diagnostics")
  return finish()
end
local d = vim.diagnostic.get(bufnr)[1]
say("diagnostic: " .. d.message)
say("source: " .. tostring(d.source))
say("line: " .. d.lnum)

-- 2. The quick fix, as a client asks for it and applies it.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
}
local results = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 60000)
local action
for _, r in pairs(results or {}) do
  for _, a in ipairs(r.result or {}) do action = action or a end
end
if not action or not action.edit then
  say("FAIL: no code action with an edit")
  return finish()
end
say("action: " .. action.kind .. ": " .. action.title)
vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")

-- 3. Write: the server analyzes the saved file and clears the finding.
vim.cmd("write")
if vim.wait(120000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50) then
  say("cleared")
else
  say("FAIL: still " .. #vim.diagnostic.get(bufnr) .. " diagnostics after the fix")
end
finish()
