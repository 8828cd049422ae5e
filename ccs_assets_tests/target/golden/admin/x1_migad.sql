DELETE FROM CISSTG.CCS_X1_TYPE_MAP;

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

INSERT INTO CISSTG.CCS_X1_TYPE_MAP (KIND, CCB_CODE, CCB_CODE2, MDM_TABLE, MDM_CODE, BUS_OBJ_CD, EVT_BUS_OBJ_CD, ODM_CODE, ODM_BUS_OBJ_CD, SVC_TYPE_CD, CATEGORY, DESCR100) VALUES (:kind, :ccb_code, :ccb_code2, :mdm_table, :mdm_code, :bus_obj_cd, :evt_bus_obj_cd, :odm_code, :odm_bus_obj_cd, :svc_type_cd, :category, :descr100);  -- binds: bus_obj_cd, category, ccb_code, ccb_code2, descr100, evt_bus_obj_cd, kind, mdm_code, mdm_table, odm_bus_obj_cd, odm_code, svc_type_cd

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.D1_SP_TYPE WHERE COALESCE(TRIM(D1_SP_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = :tname;  -- binds: tname

INSERT INTO CISSTG.CCS_X1_ADMIN_ROWS (TABLE_NAME, CODE) SELECT :tname, COALESCE(TRIM(src.D1_SP_TYPE_CD), ' ') FROM (SELECT m.D1_SP_TYPE_CD, 'X1D-ServicePointType' AS BUS_OBJ_CD, m.D1_SVC_TYPE_CD, m.SP_CATEGORY_FLG, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS D1_SP_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.CATEGORY) AS SP_CATEGORY_FLG,
       MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SP_TYPE' GROUP BY m.MDM_CODE) m) src WHERE NOT EXISTS (SELECT 1 FROM CISADM.D1_SP_TYPE x WHERE COALESCE(TRIM(x.D1_SP_TYPE_CD), ' ') = COALESCE(TRIM(src.D1_SP_TYPE_CD), ' '));  -- binds: tname

INSERT INTO CISADM.D1_SP_TYPE (D1_SP_TYPE_CD, BUS_OBJ_CD, D1_SVC_TYPE_CD, SP_CATEGORY_FLG, DESCR100, VERSION) SELECT src.D1_SP_TYPE_CD, src.BUS_OBJ_CD, src.D1_SVC_TYPE_CD, src.SP_CATEGORY_FLG, src.DESCR100, src.VERSION FROM (SELECT m.D1_SP_TYPE_CD, 'X1D-ServicePointType' AS BUS_OBJ_CD, m.D1_SVC_TYPE_CD, m.SP_CATEGORY_FLG, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS D1_SP_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.CATEGORY) AS SP_CATEGORY_FLG,
       MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SP_TYPE' GROUP BY m.MDM_CODE) m) src WHERE COALESCE(TRIM(src.D1_SP_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.D1_US_TYPE WHERE COALESCE(TRIM(US_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = :tname;  -- binds: tname

INSERT INTO CISSTG.CCS_X1_ADMIN_ROWS (TABLE_NAME, CODE) SELECT :tname, COALESCE(TRIM(src.US_TYPE_CD), ' ') FROM (SELECT m.US_TYPE_CD, 'D1-UsageSubscriptionType' AS BUS_OBJ_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS US_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SA_TYPE' GROUP BY m.MDM_CODE) m) src WHERE NOT EXISTS (SELECT 1 FROM CISADM.D1_US_TYPE x WHERE COALESCE(TRIM(x.US_TYPE_CD), ' ') = COALESCE(TRIM(src.US_TYPE_CD), ' '));  -- binds: tname

INSERT INTO CISADM.D1_US_TYPE (US_TYPE_CD, BUS_OBJ_CD, DESCR100, VERSION) SELECT src.US_TYPE_CD, src.BUS_OBJ_CD, src.DESCR100, src.VERSION FROM (SELECT m.US_TYPE_CD, 'D1-UsageSubscriptionType' AS BUS_OBJ_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS US_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SA_TYPE' GROUP BY m.MDM_CODE) m) src WHERE COALESCE(TRIM(src.US_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.D1_DVC_TYPE WHERE COALESCE(TRIM(DEVICE_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = :tname;  -- binds: tname

INSERT INTO CISSTG.CCS_X1_ADMIN_ROWS (TABLE_NAME, CODE) SELECT :tname, COALESCE(TRIM(src.DEVICE_TYPE_CD), ' ') FROM (SELECT m.DEVICE_TYPE_CD, 'D1-DeviceType' AS BUS_OBJ_CD, m.D1_SVC_TYPE_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS DEVICE_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND IN ('MTR_TYPE', 'ITEM_TYPE') GROUP BY m.MDM_CODE) m) src WHERE NOT EXISTS (SELECT 1 FROM CISADM.D1_DVC_TYPE x WHERE COALESCE(TRIM(x.DEVICE_TYPE_CD), ' ') = COALESCE(TRIM(src.DEVICE_TYPE_CD), ' '));  -- binds: tname

INSERT INTO CISADM.D1_DVC_TYPE (DEVICE_TYPE_CD, BUS_OBJ_CD, D1_SVC_TYPE_CD, DESCR100, VERSION) SELECT src.DEVICE_TYPE_CD, src.BUS_OBJ_CD, src.D1_SVC_TYPE_CD, src.DESCR100, src.VERSION FROM (SELECT m.DEVICE_TYPE_CD, 'D1-DeviceType' AS BUS_OBJ_CD, m.D1_SVC_TYPE_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS DEVICE_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND IN ('MTR_TYPE', 'ITEM_TYPE') GROUP BY m.MDM_CODE) m) src WHERE COALESCE(TRIM(src.DEVICE_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.D1_DVC_CFG_TYPE WHERE COALESCE(TRIM(DEVICE_CONFIG_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = :tname;  -- binds: tname

INSERT INTO CISSTG.CCS_X1_ADMIN_ROWS (TABLE_NAME, CODE) SELECT :tname, COALESCE(TRIM(src.DEVICE_CONFIG_TYPE_CD), ' ') FROM (SELECT m.DEVICE_CONFIG_TYPE_CD, 'D1-DeviceConfigurationType' AS BUS_OBJ_CD, m.D1_SVC_TYPE_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS DEVICE_CONFIG_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND IN ('MTR_CONFIG_TY', 'ITEM_CONFIG_TY') GROUP BY m.MDM_CODE) m) src WHERE NOT EXISTS (SELECT 1 FROM CISADM.D1_DVC_CFG_TYPE x WHERE COALESCE(TRIM(x.DEVICE_CONFIG_TYPE_CD), ' ') = COALESCE(TRIM(src.DEVICE_CONFIG_TYPE_CD), ' '));  -- binds: tname

INSERT INTO CISADM.D1_DVC_CFG_TYPE (DEVICE_CONFIG_TYPE_CD, BUS_OBJ_CD, D1_SVC_TYPE_CD, DESCR100, VERSION) SELECT src.DEVICE_CONFIG_TYPE_CD, src.BUS_OBJ_CD, src.D1_SVC_TYPE_CD, src.DESCR100, src.VERSION FROM (SELECT m.DEVICE_CONFIG_TYPE_CD, 'D1-DeviceConfigurationType' AS BUS_OBJ_CD, m.D1_SVC_TYPE_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS DEVICE_CONFIG_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND IN ('MTR_CONFIG_TY', 'ITEM_CONFIG_TY') GROUP BY m.MDM_CODE) m) src WHERE COALESCE(TRIM(src.DEVICE_CONFIG_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.D1_MEASR_COMP_TYPE WHERE COALESCE(TRIM(MEASR_COMP_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = :tname;  -- binds: tname

INSERT INTO CISSTG.CCS_X1_ADMIN_ROWS (TABLE_NAME, CODE) SELECT :tname, COALESCE(TRIM(src.MEASR_COMP_TYPE_CD), ' ') FROM (SELECT m.MEASR_COMP_TYPE_CD, 'D1-MeasuringComponentType' AS BUS_OBJ_CD, m.UOM_CD, m.TOU_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS MEASR_COMP_TYPE_CD, MIN(m.CCB_CODE) AS UOM_CD,
       CASE WHEN MIN(m.CCB_CODE2) = '*' THEN ' ' ELSE MIN(m.CCB_CODE2) END AS TOU_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'REG_UOM_TOU' GROUP BY m.MDM_CODE) m) src WHERE NOT EXISTS (SELECT 1 FROM CISADM.D1_MEASR_COMP_TYPE x WHERE COALESCE(TRIM(x.MEASR_COMP_TYPE_CD), ' ') = COALESCE(TRIM(src.MEASR_COMP_TYPE_CD), ' '));  -- binds: tname

INSERT INTO CISADM.D1_MEASR_COMP_TYPE (MEASR_COMP_TYPE_CD, BUS_OBJ_CD, UOM_CD, TOU_CD, DESCR100, VERSION) SELECT src.MEASR_COMP_TYPE_CD, src.BUS_OBJ_CD, src.UOM_CD, src.TOU_CD, src.DESCR100, src.VERSION FROM (SELECT m.MEASR_COMP_TYPE_CD, 'D1-MeasuringComponentType' AS BUS_OBJ_CD, m.UOM_CD, m.TOU_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.MDM_CODE AS MEASR_COMP_TYPE_CD, MIN(m.CCB_CODE) AS UOM_CD,
       CASE WHEN MIN(m.CCB_CODE2) = '*' THEN ' ' ELSE MIN(m.CCB_CODE2) END AS TOU_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'REG_UOM_TOU' GROUP BY m.MDM_CODE) m) src WHERE COALESCE(TRIM(src.MEASR_COMP_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.W1_ASSET_TYPE WHERE COALESCE(TRIM(ASSET_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = :tname;  -- binds: tname

INSERT INTO CISSTG.CCS_X1_ADMIN_ROWS (TABLE_NAME, CODE) SELECT :tname, COALESCE(TRIM(src.ASSET_TYPE_CD), ' ') FROM (SELECT m.ASSET_TYPE_CD, m.BUS_OBJ_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.ODM_CODE AS ASSET_TYPE_CD, MIN(m.ODM_BUS_OBJ_CD) AS BUS_OBJ_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND IN ('MTR_TYPE', 'ITEM_TYPE') GROUP BY m.ODM_CODE) m) src WHERE NOT EXISTS (SELECT 1 FROM CISADM.W1_ASSET_TYPE x WHERE COALESCE(TRIM(x.ASSET_TYPE_CD), ' ') = COALESCE(TRIM(src.ASSET_TYPE_CD), ' '));  -- binds: tname

INSERT INTO CISADM.W1_ASSET_TYPE (ASSET_TYPE_CD, BUS_OBJ_CD, DESCR100, VERSION) SELECT src.ASSET_TYPE_CD, src.BUS_OBJ_CD, src.DESCR100, src.VERSION FROM (SELECT m.ASSET_TYPE_CD, m.BUS_OBJ_CD, m.DESCR100, 1 AS VERSION FROM (SELECT m.ODM_CODE AS ASSET_TYPE_CD, MIN(m.ODM_BUS_OBJ_CD) AS BUS_OBJ_CD, MIN(m.DESCR100) AS DESCR100
FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND IN ('MTR_TYPE', 'ITEM_TYPE') GROUP BY m.ODM_CODE) m) src WHERE COALESCE(TRIM(src.ASSET_TYPE_CD), ' ') IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a WHERE a.TABLE_NAME = :tname);  -- binds: tname

DELETE FROM CISSTG.CCS_X1_KEY_MAP WHERE WAVE = :wave AND MDM_TABLE = 'W1_NODE';  -- binds: wave

SELECT count(*) FROM (SELECT c.CCB_TABLE, c.CCB_KEY FROM (SELECT 'STORE' AS CCB_TABLE, CAST(SUBSTRB(m.MDM_CODE, 1, 12) AS CHAR(12)) AS CCB_KEY FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SETTING' AND m.CCB_CODE = 'store_node') c WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_KEY_MAP d WHERE d.MDM_TABLE = :mdm_table AND d.CCB_TABLE = c.CCB_TABLE AND d.CCB_KEY = c.CCB_KEY)) r;  -- binds: mdm_table

INSERT INTO CISSTG.CCS_X1_KEY_MAP (WAVE, CCB_TABLE, CCB_KEY, MDM_TABLE, MDM_KEY)
            SELECT :wave, c.CCB_TABLE, c.CCB_KEY, :mdm_table, c.MDM_KEY
            FROM (SELECT r.CCB_TABLE, r.CCB_KEY, LPAD(TO_CHAR((MOD(TO_NUMBER(SUBSTR(LOWER(RAWTOHEX(STANDARD_HASH('W1_NODE:' || r.CCB_TABLE || ':' || TRIM(r.CCB_KEY) || ':0', 'MD5'))), 1, 15), 'xxxxxxxxxxxxxxx'), 900000000000) + 100000000000)), 12, '0') AS MDM_KEY,
                         ROW_NUMBER() OVER (PARTITION BY LPAD(TO_CHAR((MOD(TO_NUMBER(SUBSTR(LOWER(RAWTOHEX(STANDARD_HASH('W1_NODE:' || r.CCB_TABLE || ':' || TRIM(r.CCB_KEY) || ':0', 'MD5'))), 1, 15), 'xxxxxxxxxxxxxxx'), 900000000000) + 100000000000)), 12, '0') ORDER BY r.CCB_TABLE, r.CCB_KEY) AS RN
                  FROM (SELECT c.CCB_TABLE, c.CCB_KEY FROM (SELECT 'STORE' AS CCB_TABLE, CAST(SUBSTRB(m.MDM_CODE, 1, 12) AS CHAR(12)) AS CCB_KEY FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SETTING' AND m.CCB_CODE = 'store_node') c WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_KEY_MAP d WHERE d.MDM_TABLE = :mdm_table AND d.CCB_TABLE = c.CCB_TABLE AND d.CCB_KEY = c.CCB_KEY)) r) c
            WHERE c.RN = 1 AND c.MDM_KEY NOT IN (SELECT u.K FROM (SELECT x.CONTACT_ID AS K FROM CISADM.D1_CONTACT x WHERE x.CONTACT_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_CONTACT') UNION ALL SELECT x.D1_SP_ID AS K FROM CISADM.D1_SP x WHERE x.D1_SP_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_SP') UNION ALL SELECT x.US_ID AS K FROM CISADM.D1_US x WHERE x.US_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_US') UNION ALL SELECT x.D1_DEVICE_ID AS K FROM CISADM.D1_DVC x WHERE x.D1_DEVICE_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_DVC') UNION ALL SELECT x.DEVICE_CONFIG_ID AS K FROM CISADM.D1_DVC_CFG x WHERE x.DEVICE_CONFIG_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_DVC_CFG') UNION ALL SELECT x.MEASR_COMP_ID AS K FROM CISADM.D1_MEASR_COMP x WHERE x.MEASR_COMP_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_MEASR_COMP') UNION ALL SELECT x.INSTALL_EVT_ID AS K FROM CISADM.D1_INSTALL_EVT x WHERE x.INSTALL_EVT_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'D1_INSTALL_EVT') UNION ALL SELECT x.NODE_ID AS K FROM CISADM.W1_NODE x WHERE x.NODE_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'W1_NODE') UNION ALL SELECT x.ASSET_ID AS K FROM CISADM.W1_ASSET x WHERE x.ASSET_ID NOT IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'W1_ASSET')) u)
              AND c.MDM_KEY NOT IN (SELECT k.MDM_KEY FROM CISSTG.CCS_X1_KEY_MAP k);  -- binds: mdm_table, wave

SELECT count(*) FROM (SELECT c.CCB_TABLE, c.CCB_KEY FROM (SELECT 'STORE' AS CCB_TABLE, CAST(SUBSTRB(m.MDM_CODE, 1, 12) AS CHAR(12)) AS CCB_KEY FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SETTING' AND m.CCB_CODE = 'store_node') c WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_KEY_MAP d WHERE d.MDM_TABLE = :mdm_table AND d.CCB_TABLE = c.CCB_TABLE AND d.CCB_KEY = c.CCB_KEY)) r;  -- binds: mdm_table

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

DELETE FROM CISADM.W1_NODE WHERE NODE_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.W1_NODE (NODE_ID, PARENT_NODE_ID, BUS_OBJ_CD, BO_STATUS_CD, DESCR100, VERSION) SELECT src.NODE_ID, src.PARENT_NODE_ID, src.BUS_OBJ_CD, src.BO_STATUS_CD, src.DESCR100, src.VERSION FROM (SELECT m.NODE_ID, ' ' AS PARENT_NODE_ID, m.BUS_OBJ_CD, 'ACTIVE' AS BO_STATUS_CD, m.DESCR100, 1 AS VERSION FROM (SELECT k.MDM_KEY AS NODE_ID, b.MDM_CODE AS BUS_OBJ_CD, d.DESCR100 AS DESCR100
FROM CISSTG.CCS_X1_KEY_MAP k
JOIN CISSTG.CCS_X1_TYPE_MAP b ON b.KIND = 'SETTING' AND b.CCB_CODE = 'store_node_bo'
JOIN CISSTG.CCS_X1_TYPE_MAP d ON d.KIND = 'SETTING' AND d.CCB_CODE = 'store_node_descr'
WHERE k.WAVE = :wave AND k.CCB_TABLE = 'STORE' AND k.MDM_TABLE = 'W1_NODE') m) src;  -- binds: wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, NODE_ID FROM (SELECT m.NODE_ID, ' ' AS PARENT_NODE_ID, m.BUS_OBJ_CD, 'ACTIVE' AS BO_STATUS_CD, m.DESCR100, 1 AS VERSION FROM (SELECT k.MDM_KEY AS NODE_ID, b.MDM_CODE AS BUS_OBJ_CD, d.DESCR100 AS DESCR100
FROM CISSTG.CCS_X1_KEY_MAP k
JOIN CISSTG.CCS_X1_TYPE_MAP b ON b.KIND = 'SETTING' AND b.CCB_CODE = 'store_node_bo'
JOIN CISSTG.CCS_X1_TYPE_MAP d ON d.KIND = 'SETTING' AND d.CCB_CODE = 'store_node_descr'
WHERE k.WAVE = :wave AND k.CCB_TABLE = 'STORE' AND k.MDM_TABLE = 'W1_NODE') m) src;  -- binds: tname, wave

SELECT count(*) FROM CISADM.W1_NODE WHERE NODE_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT count(*) FROM CISADM.D1_SP_TYPE;

SELECT count(*) FROM CISADM.D1_US_TYPE;

SELECT count(*) FROM CISADM.D1_DVC_TYPE;

SELECT count(*) FROM CISADM.D1_DVC_CFG_TYPE;

SELECT count(*) FROM CISADM.D1_MEASR_COMP_TYPE;

SELECT count(*) FROM CISADM.W1_ASSET_TYPE;

SELECT count(*) FROM CISSTG.CCS_X1_TYPE_MAP;

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.SP_TYPE_CD) AS CODE, '*' AS CODE2 FROM CISADM.CI_SP x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.SA_TYPE_CD) AS CODE, '*' AS CODE2 FROM CISADM.CI_SA x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.MTR_TYPE_CD) AS CODE, '*' AS CODE2 FROM CISADM.CI_MTR x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.MTR_CONFIG_TY_CD) AS CODE, '*' AS CODE2 FROM CISADM.CI_MTR_CONFIG x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.UOM_CD) AS CODE, CASE WHEN TRIM(x.TOU_CD) IS NULL THEN '*' ELSE TRIM(x.TOU_CD) END AS CODE2 FROM CISADM.CI_REG x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.ITEM_TYPE_CD) AS CODE, '*' AS CODE2 FROM CISADM.CI_ITEM x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind

SELECT u.CODE, u.CODE2, count(*) FROM (SELECT TRIM(x.ITEM_TYPE_CD) AS CODE, '*' AS CODE2 FROM CISADM.CI_ITEM x) u WHERE NOT EXISTS (SELECT 1 FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 ORDER BY u.CODE, u.CODE2;  -- binds: kind
