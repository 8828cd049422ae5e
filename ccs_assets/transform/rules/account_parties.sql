SELECT x._rec, 'PARTY_IS_MAIN_CUSTOMER', 'cust_no', x.cust_no, 'cust_no is the main customer of the account (list only other parties)'
FROM legacy.account_parties x JOIN legacy.accounts a ON a._wave = x._wave AND a.acct_no = x.acct_no
WHERE x._wave = $wave AND x.cust_no = a.main_cust_no;
