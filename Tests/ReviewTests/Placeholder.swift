enum ReviewTestsPlaceholder {}
