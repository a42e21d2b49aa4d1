namespace Ferry.Erp.Model;

public enum AccountNature
{
    Assets,
    Liabilities,
    Income,
    Expenses,
}
