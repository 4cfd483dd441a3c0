package loops

// InputWalks counts the function bodies FromInput has walked.
var InputWalks = &inputWalks
